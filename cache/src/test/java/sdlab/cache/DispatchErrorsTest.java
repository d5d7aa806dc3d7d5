package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DispatchErrorsTest {
    private final EngineFixture f = new EngineFixture();

    @Test
    void unknownCommandsQuoteTheirArgumentsLikeRedisSeven() {
        // Redis 7's exact text, including the trailing space after the last quoted argument.
        assertThat(f.run("FOO x y")).isEqualTo("(error) ERR unknown command 'FOO', with args beginning with: 'x' 'y' ");
        assertThat(f.run("FOO")).isEqualTo("(error) ERR unknown command 'FOO', with args beginning with: ");
    }

    @Test
    void unknownCommandQuotesAreCutAfterAboutOneHundredAndTwentyEightCharacters() {
        // A long argument list is quoted only up to Redis's limit.
        String longArg = "a".repeat(300);
        String reply = f.call("FOO", longArg, "second");
        assertThat(reply).contains("'" + "a".repeat(128) + "' ").doesNotContain("second");
    }

    @Test
    void wrongArityNamesTheCommandInLowerCase() {
        // Arity errors name the command as Redis's table does.
        assertThat(f.run("GET")).isEqualTo("(error) ERR wrong number of arguments for 'get' command");
        assertThat(f.run("SET k")).isEqualTo("(error) ERR wrong number of arguments for 'set' command");
        assertThat(f.run("LRANGE k 0")).isEqualTo("(error) ERR wrong number of arguments for 'lrange' command");
        assertThat(f.run("DBSIZE x")).isEqualTo("(error) ERR wrong number of arguments for 'dbsize' command");
    }

    @Test
    void errorTextsNeverContainLineBreaks() {
        // A newline in an unknown command must not break the protocol line.
        assertThat(f.call("FOO\r\nBAR", "x\ny")).doesNotContain("\r").doesNotContain("\n");
    }
}
