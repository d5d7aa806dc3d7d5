package sdlab.bench.repl;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The few JDBC calls the database sides make: run statements, read one value. */
final class Jdbc {
    private Jdbc() {}

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Opens a connection to {@code url}, runs {@code statements} in order, and closes it. */
    static void run(String url, List<String> statements) throws SQLException {
        try (Connection connection = connect(url);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The first column of the first row {@code query} returns on a fresh connection, as text (null if none). */
    static String value(String url, String query) throws SQLException {
        try (Connection connection = connect(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** The value of a {@code SHOW STATUS}-style query's second column (MariaDB's status counters). */
    static String status(String url, String name) throws SQLException {
        try (Connection connection = connect(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS LIKE '" + name + "'")) {
            return rows.next() ? rows.getString(2) : null;
        }
    }
}
