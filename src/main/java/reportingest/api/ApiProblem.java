package reportingest.api;

/** Ends a request early with an error status (401 from the token check); turned into JSON by {@link JsonResponder#problem}. */
public final class ApiProblem extends RuntimeException {
    private final transient ApiResponse response;

    public ApiProblem(ApiResponse response) {
        super(String.valueOf(response.body()));
        this.response = response;
    }

    public ApiResponse response() { return response; }
}
