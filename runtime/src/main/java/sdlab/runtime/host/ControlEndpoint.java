package sdlab.runtime.host;

import sdlab.core.NodeId;
import sdlab.runtime.host.ControlMessages.Control;
import sdlab.runtime.host.ControlMessages.FaultsSet;
import sdlab.runtime.host.ControlMessages.Reply;
import sdlab.runtime.host.ControlMessages.SetFaults;
import sdlab.runtime.host.ControlMessages.StatusRequest;
import sdlab.runtime.net.Transport;
import sdlab.runtime.wire.MessageCodec;
import sdlab.runtime.wire.WireFormatException;

/** A node's answers to operators: status, and the network faults its transport applies. */
final class ControlEndpoint {
    private final NodeHost host;
    private final MessageCodec<Control> codec;
    private Transport transport;

    ControlEndpoint(NodeHost host, MessageCodec<Control> codec) {
        this.host = host;
        this.codec = codec;
    }

    void attach(Transport transport) {
        this.transport = transport;
    }

    void onFrame(NodeId from, byte[] frame) throws WireFormatException {
        Reply reply =
                switch (codec.decode(frame)) {
                    case StatusRequest request -> host.status(request.requestId());
                    case SetFaults set -> {
                        transport.setFaults(set.faults());
                        yield new FaultsSet(set.requestId());
                    }
                    case Reply unexpected ->
                        throw new WireFormatException("an operator sent a reply: " + unexpected, 0);
                };
        transport.sendUnfaulted(from, codec.encode(reply));
    }
}
