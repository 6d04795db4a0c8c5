package vn.dossierstats.ranking.web;

/** A failure the client caused, answered as problem+json naming the parameter. */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String field;

    public ApiProblem(int status, String field, String detail) {
        super(detail);
        this.status = status;
        this.field = field;
    }

    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(400, field, message);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, null, detail);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
