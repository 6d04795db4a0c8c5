package vn.dossierstats.dossier.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class ProblemHandlerTest {

    /** What the chaos run met with PostgreSQL killed mid-transaction: a 500 told the source nothing useful. */
    @Test
    void aDatabaseOutOfReachIsA503WithRetryAfterNeverA500() {
        for (Exception failure : List.of(
                new TransactionSystemException("JDBC rollback failed"),
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction"),
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"))) {
            var response = new ProblemHandler().databaseUnavailable(failure);

            assertThat(response.getStatusCode()).as(failure.toString()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody().getDetail()).contains("retry later");
        }
    }
}
