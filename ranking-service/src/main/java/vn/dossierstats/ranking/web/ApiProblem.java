package vn.dossierstats.ranking.web;

/** A failure the client caused, answered as problem+json naming the parameter. */
class ApiProblem extends RuntimeException {

    private final int status;
    private final String field;

    ApiProblem(int status, String field, String detail) {
        super(detail);
        this.status = status;
        this.field = field;
    }

    static ApiProblem invalid(String field, String message) {
        return new ApiProblem(400, field, message);
    }

    static ApiProblem notFound(String field, String detail) {
        return new ApiProblem(404, field, detail);
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }
}
