package sdlab.traffic.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TlsServerSessionsTest {
    private static final long LIFETIME = Duration.ofHours(2).toNanos();
    private static final long HOUR = Duration.ofHours(1).toNanos();

    private static TlsServerSessions ownKeys(String server, TicketKeyring.Rotation rotation) {
        return new TlsServerSessions(
                new TicketKeyring(server, TicketKeyring.Source.SERVER_MEMORY, rotation, 0), LIFETIME, true);
    }

    private static TlsServerSessions fleetKeys() {
        return new TlsServerSessions(
                new TicketKeyring("fleet", TicketKeyring.Source.FLEET_FILE, TicketKeyring.Rotation.NEVER, 0),
                LIFETIME,
                true);
    }

    @Test
    void aTicketResumesAtItsServerWithinItsLifetime() {
        // Shows: the server that sealed a ticket resumes the session up to the last nanosecond of its lifetime.
        TlsServerSessions server = ownKeys("a", TicketKeyring.Rotation.NEVER);
        SessionTicket ticket = server.issue(0);

        assertThat(server.decide(ticket, HOUR)).isEqualTo(ResumptionDecision.RESUMED);
        assertThat(server.decide(ticket, LIFETIME - 1)).isEqualTo(ResumptionDecision.RESUMED);
    }

    @Test
    void aTicketIsRefusedOnceItHasOutlivedItsLifetime() {
        // Shows: at its lifetime exactly, and after, the ticket gives a full handshake, and the reason says expired.
        TlsServerSessions server = ownKeys("a", TicketKeyring.Rotation.NEVER);
        SessionTicket ticket = server.issue(0);

        assertThat(server.decide(ticket, LIFETIME)).isEqualTo(ResumptionDecision.FULL_EXPIRED);
        assertThat(server.decide(ticket, 10 * LIFETIME)).isEqualTo(ResumptionDecision.FULL_EXPIRED);
    }

    @Test
    void theShorterOfTheTicketsLifetimeAndTheServersPresentOneApplies() {
        // Shows: a server configured with a shorter lifetime than the one a ticket was issued with refuses it sooner.
        TicketKeyring keys =
                new TicketKeyring("fleet", TicketKeyring.Source.FLEET_FILE, TicketKeyring.Rotation.NEVER, 0);
        SessionTicket ticket = new TlsServerSessions(keys, LIFETIME, true).issue(0);
        TlsServerSessions stricter = new TlsServerSessions(keys, HOUR, true);

        assertThat(stricter.decide(ticket, HOUR - 1)).isEqualTo(ResumptionDecision.RESUMED);
        assertThat(stricter.decide(ticket, HOUR)).isEqualTo(ResumptionDecision.FULL_EXPIRED);
    }

    @Test
    void aTicketSealedByAKeyTheServerDoesNotHoldIsRefused() {
        // Shows: another server's ticket, however young, cannot be opened: a full handshake for an unknown key.
        TlsServerSessions a = ownKeys("a", TicketKeyring.Rotation.NEVER);
        TlsServerSessions b = ownKeys("b", TicketKeyring.Rotation.NEVER);

        assertThat(b.decide(a.issue(0), 1)).isEqualTo(ResumptionDecision.FULL_UNKNOWN_KEY);
    }

    @Test
    void aRestartLosesKeysHeldInMemory() {
        // Shows: a server's own keys die with it: its tickets from before a restart name a key it no longer holds.
        TlsServerSessions server = ownKeys("a", TicketKeyring.Rotation.every(Duration.ofHours(1), 3));
        SessionTicket before = server.issue(0);
        server.restarted(HOUR / 2);

        assertThat(server.decide(before, HOUR / 2)).isEqualTo(ResumptionDecision.FULL_UNKNOWN_KEY);
        assertThat(server.decide(server.issue(HOUR / 2), HOUR)).isEqualTo(ResumptionDecision.RESUMED);
    }

    @Test
    void aPreviousKeyStillOpensTicketsAfterARotation() {
        // Shows: after hourly rotations the keys kept for decryption still resume their tickets, and
        // a ticket whose key has fallen off the list is refused as an unknown key, not as expired.
        TicketKeyring.Rotation hourlyKeepOne = TicketKeyring.Rotation.every(Duration.ofHours(1), 1);
        TlsServerSessions server = new TlsServerSessions(
                new TicketKeyring("a", TicketKeyring.Source.SERVER_MEMORY, hourlyKeepOne, 0),
                Duration.ofDays(1).toNanos(),
                true);
        SessionTicket sealedByFirstKey = server.issue(HOUR / 2);
        SessionTicket sealedBySecondKey = server.issue(HOUR + HOUR / 2);

        assertThat(sealedBySecondKey.sealedBy()).isNotEqualTo(sealedByFirstKey.sealedBy());
        assertThat(server.decide(sealedByFirstKey, HOUR + HOUR / 2)).isEqualTo(ResumptionDecision.RESUMED);
        assertThat(server.decide(sealedByFirstKey, 2 * HOUR)).isEqualTo(ResumptionDecision.FULL_UNKNOWN_KEY);
        assertThat(server.decide(sealedBySecondKey, 2 * HOUR)).isEqualTo(ResumptionDecision.RESUMED);
    }

    @Test
    void aManualRotationKeepsTheOldKeyForDecryptionAndSealsWithTheNewOne() {
        // Shows: an operator's rotation makes a new sealing key; tickets of the old one still resume while it is kept.
        TicketKeyring keys =
                new TicketKeyring("a", TicketKeyring.Source.SERVER_MEMORY, new TicketKeyring.Rotation(0, 1), 0);
        TlsServerSessions server = new TlsServerSessions(keys, LIFETIME, true);
        SessionTicket old = server.issue(0);
        keys.rotate(HOUR / 2);

        assertThat(server.issue(HOUR / 2).sealedBy().generation())
                .isEqualTo(old.sealedBy().generation() + 1);
        assertThat(server.decide(old, HOUR)).isEqualTo(ResumptionDecision.RESUMED);
        keys.rotate(HOUR);
        assertThat(server.decide(old, HOUR)).isEqualTo(ResumptionDecision.FULL_UNKNOWN_KEY);
    }

    @Test
    void sharedFleetKeysLetAnyServerOfTheFleetResumeEvenAfterItRestarts() {
        // Shows: with the fleet's key file on every server, a ticket from one server resumes at another,
        // and a restart, which reads the same file again, does not change that.
        TlsServerSessions a = fleetKeys();
        TlsServerSessions b = fleetKeys();
        SessionTicket fromA = a.issue(0);

        assertThat(b.decide(fromA, HOUR)).isEqualTo(ResumptionDecision.RESUMED);
        b.restarted(HOUR);
        assertThat(b.decide(fromA, HOUR + 1)).isEqualTo(ResumptionDecision.RESUMED);
    }

    @Test
    void fleetKeyringsBuiltTogetherRotateInStep() {
        // Shows: two servers loading one rotating key file seal with the same key at the same time, so
        // their tickets keep opening at each other through rotations.
        TicketKeyring.Rotation hourly = TicketKeyring.Rotation.every(Duration.ofHours(1), 2);
        TicketKeyring a = new TicketKeyring("fleet", TicketKeyring.Source.FLEET_FILE, hourly, 0);
        TicketKeyring b = new TicketKeyring("fleet", TicketKeyring.Source.FLEET_FILE, hourly, 0);
        b.restarted(HOUR / 2);

        for (long t = 0; t < 10 * HOUR; t += HOUR / 3) {
            assertThat(a.current(t)).as("at %d ns", t).isEqualTo(b.current(t));
        }
    }

    @Test
    void noTicketMeansAFullHandshake() {
        // Shows: a client's first connection, with nothing to offer, is a full handshake that says so.
        assertThat(ownKeys("a", TicketKeyring.Rotation.NEVER).decide(null, 0))
                .isEqualTo(ResumptionDecision.FULL_NO_TICKET);
    }

    @Test
    void aServerWithoutResumptionRefusesEveryTicketAndIssuesNone() {
        // Shows: with resumption off even a valid ticket is ignored, and no NewSessionTicket is sent.
        TicketKeyring keys =
                new TicketKeyring("a", TicketKeyring.Source.SERVER_MEMORY, TicketKeyring.Rotation.NEVER, 0);
        SessionTicket valid = new TlsServerSessions(keys, LIFETIME, true).issue(0);
        TlsServerSessions off = new TlsServerSessions(keys, LIFETIME, false);

        TlsServerSessions.Handshake handshake = off.handshake(valid, 1);
        assertThat(handshake.decision()).isEqualTo(ResumptionDecision.FULL_RESUMPTION_OFF);
        assertThat(handshake.newTicket()).isNull();
    }

    @Test
    void everyHandshakeIssuesAFreshTicketWhoseLifetimeStartsThen() {
        // Shows: resuming renews the ticket: a device that reconnects within each lifetime keeps resuming.
        TlsServerSessions server = ownKeys("a", TicketKeyring.Rotation.NEVER);
        SessionTicket ticket = server.issue(0);
        for (long now = HOUR; now <= 10 * HOUR; now += HOUR) {
            TlsServerSessions.Handshake handshake = server.handshake(ticket, now);
            assertThat(handshake.decision()).isEqualTo(ResumptionDecision.RESUMED);
            assertThat(handshake.newTicket().issuedAtNanos()).isEqualTo(now);
            ticket = handshake.newTicket();
        }
    }

    @Test
    void aLifetimeAboveSevenDaysIsRejected() {
        // Shows: RFC 8446's cap on ticket_lifetime is enforced where the lifetime is configured.
        TicketKeyring keys =
                new TicketKeyring("a", TicketKeyring.Source.SERVER_MEMORY, TicketKeyring.Rotation.NEVER, 0);

        assertThatThrownBy(() -> new TlsServerSessions(keys, Duration.ofDays(8).toNanos(), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7 days");
        assertThat(new TlsServerSessions(keys, SessionTicket.LIFETIME_MAX.toNanos(), true).issue(0))
                .isNotNull();
    }

    @ParameterizedTest
    @EnumSource(ResumptionDecision.class)
    void onlyAResumedHandshakeCostsTheResumedPrice(ResumptionDecision decision) {
        // Shows: the cost input follows the decision: resumed is charged the resumed price, every full reason the full
        // one.
        HandshakeCpu cpu = new HandshakeCpu(300_000, 60_000);

        assertThat(cpu.nanosFor(decision)).isEqualTo(decision.resumed() ? 60_000 : 300_000);
    }
}
