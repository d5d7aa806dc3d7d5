package sdlab.bench.repl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A database client of the load: one connection in autocommit, so every execution of its single-row UPDATE is one
 * transaction, committed before the call returns.
 */
final class JdbcCommitClient implements CommitClient {
    private final Connection connection;
    private final PreparedStatement update;

    private JdbcCommitClient(Connection connection, PreparedStatement update) {
        this.connection = connection;
        this.update = update;
    }

    /**
     * Connects, runs {@code sessionSetup} (PostgreSQL's {@code SET synchronous_commit}), and prepares {@code update}
     * with the client's row id as its one parameter.
     */
    static JdbcCommitClient open(String url, List<String> sessionSetup, String update, int rowId) throws SQLException {
        Connection connection = Jdbc.connect(url);
        try {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                for (String sql : sessionSetup) {
                    statement.execute(sql);
                }
            }
            PreparedStatement prepared = connection.prepareStatement(update);
            prepared.setInt(1, rowId);
            return new JdbcCommitClient(connection, prepared);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void commit() throws SQLException {
        if (update.executeUpdate() != 1) {
            throw new SQLException("the UPDATE changed no row");
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // the run is over; a failed close changes no figure
        }
    }
}
