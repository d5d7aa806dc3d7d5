package sdlab.coord.tree;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ZooKeeper's PathUtils.validatePath (3.9), as a table: the tree answers BADARGUMENTS for the bad ones. */
class PathRulesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/a",
                "/a/b",
                "/a-b.c_d",
                "/...",
                "/.a",
                "/a.",
                "/a/..b",
                "/a/b..",
                "/ünï",
                "/a b",
                "/x\u00a0"
            })
    void validPaths(String path) {
        assertThat(PathRules.isValid(path)).as(path).isTrue();
        assertThat(new ZNodeTree().exists(path).code()).isIn(Code.OK, Code.NONODE);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''|empty",
                "a|no leading slash",
                "/a/|trailing slash",
                "//|empty name",
                "/a//b|empty name inside",
                "/.|dot name",
                "/..|dot-dot name",
                "/a/.|dot name at the end",
                "/a/../b|dot-dot name inside",
                "/a/./b|dot name inside",
            })
    void invalidPaths(String path, String why) {
        assertThat(PathRules.isValid(path)).as(why).isFalse();
        assertThat(new ZNodeTree().exists(path).code()).isEqualTo(Code.BADARGUMENTS);
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x0000, 0x0001, 0x001f, 0x007f, 0x0090, 0x009f, 0xd800, 0xe000, 0xf8ff, 0xfff0, 0xffff})
    void forbiddenCharacters(int codeUnit) {
        String path = "/a" + (char) codeUnit + "b";
        assertThat(PathRules.isValid(path)).isFalse();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x0020, 0x007e, 0x00a0, 0xd7ff, 0xf900, 0xffef})
    void allowedCharactersNextToTheForbiddenRanges(int codeUnit) {
        String path = "/a" + (char) codeUnit + "b";
        assertThat(PathRules.isValid(path)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"/a,/", "/a/b,/a", "/a/b/c,/a/b"})
    void parentOfAPath(String path, String parent) {
        assertThat(PathRules.parent(path)).isEqualTo(parent);
    }
}
