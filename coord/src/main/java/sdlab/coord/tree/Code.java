package sdlab.coord.tree;

/**
 * ZooKeeper's result codes ({@code KeeperException.Code}) with their numeric values, which the
 * wire protocol carries. The tree itself answers only a few of them (OK, NONODE, NODEEXISTS,
 * NOCHILDRENFOREPHEMERALS, NOTEMPTY, BADVERSION, BADARGUMENTS, RUNTIMEINCONSISTENCY, NOWATCHER);
 * the rest are here so that the server speaks the same language.
 */
public enum Code {
    OK(0),
    SYSTEMERROR(-1),
    RUNTIMEINCONSISTENCY(-2),
    DATAINCONSISTENCY(-3),
    CONNECTIONLOSS(-4),
    MARSHALLINGERROR(-5),
    UNIMPLEMENTED(-6),
    OPERATIONTIMEOUT(-7),
    BADARGUMENTS(-8),
    UNKNOWNSESSION(-12),
    NEWCONFIGNOQUORUM(-13),
    RECONFIGINPROGRESS(-14),
    APIERROR(-100),
    NONODE(-101),
    NOAUTH(-102),
    BADVERSION(-103),
    NOCHILDRENFOREPHEMERALS(-108),
    NODEEXISTS(-110),
    NOTEMPTY(-111),
    SESSIONEXPIRED(-112),
    INVALIDCALLBACK(-113),
    INVALIDACL(-114),
    AUTHFAILED(-115),
    SESSIONMOVED(-118),
    NOTREADONLY(-119),
    EPHEMERALONLOCALSESSION(-120),
    NOWATCHER(-121),
    REQUESTTIMEOUT(-122),
    RECONFIGDISABLED(-123),
    SESSIONCLOSEDREQUIRESASLAUTH(-124),
    QUOTAEXCEEDED(-125),
    THROTTLEDOP(-127);

    private final int value;

    Code(int value) {
        this.value = value;
    }

    /** The number ZooKeeper puts on the wire for this code. */
    public int value() {
        return value;
    }
}
