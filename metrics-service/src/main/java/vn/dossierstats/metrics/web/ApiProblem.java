package vn.dossierstats.metrics.web;

/** A failure the client caused, answered as problem+json naming the parameter. */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String field;
    private final String successor;

    public ApiProblem(int status, String field, String detail) {
        this(status, field, detail, null);
    }

    private ApiProblem(int status, String field, String detail, String successor) {
        super(detail);
        this.status = status;
        this.field = field;
        this.successor = successor;
    }

    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(400, field, message);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, null, detail);
    }

    /** A unit that no longer exists (api.md, Reorganisations): 404 naming the unit that took it over. */
    public static ApiProblem ended(String detail, String successor) {
        return new ApiProblem(404, null, detail, successor);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public String successor() {
        return successor;
    }
}
