package sdlab.txlog.server;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * How a record batch lives in the txlog node's log, which holds one string value per record: the batch's first
 * record carries the whole batch (Base64), and each later record only its place in the batch ("+3"). The node thus
 * assigns every record its own offset, as Kafka does, while the bytes stay exactly as the producer sent them; a fetch
 * that lands inside a batch finds the batch's start from that place.
 */
final class StoredBatch {
    private static final String START = "b:";
    private static final String CONTINUATION = "+";

    private StoredBatch() {}

    /** The node's values for a batch: one per record. */
    static List<String> values(RecordBatch batch) {
        List<String> values = new ArrayList<>(batch.recordCount());
        values.add(START + Base64.getEncoder().encodeToString(batch.bytes()));
        for (int i = 1; i < batch.recordCount(); i++) {
            values.add(CONTINUATION + i);
        }
        return values;
    }

    /** How far into its batch a stored value is: 0 for the value that holds the batch. */
    static int placeInBatch(String value) {
        return value.startsWith(CONTINUATION) ? Integer.parseInt(value.substring(1)) : 0;
    }

    /** The batch bytes a batch's first value holds. */
    static byte[] bytes(String firstValue) {
        if (!firstValue.startsWith(START)) {
            throw new IllegalArgumentException("not the first value of a stored batch");
        }
        return Base64.getDecoder().decode(firstValue.substring(START.length()));
    }
}
