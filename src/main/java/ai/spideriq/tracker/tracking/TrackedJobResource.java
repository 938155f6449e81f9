package ai.spideriq.tracker.tracking;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

/** A read-only view of the jobs this instance is tracking, for operators: {@code GET /jobs/{id}}. */
@Path("/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class TrackedJobResource {

    private final JobTracker tracker;

    public TrackedJobResource(JobTracker tracker) {
        this.tracker = tracker;
    }

    /** 200 with the job while this instance tracks it; 404 otherwise (never seen, ended, or another replica's). */
    @GET
    @Path("/{id}")
    public RestResponse<TrackedJob> job(@PathParam("id") String id) {
        UUID jobId;
        try {
            jobId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return RestResponse.status(RestResponse.Status.BAD_REQUEST);
        }
        return tracker.find(jobId).map(RestResponse::ok).orElseGet(() -> RestResponse.notFound());
    }
}
