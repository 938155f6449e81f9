package ai.spideriq.tracker.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.client.SseEvent;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The SpiderIQ job API as the REST client sees it. Package-private: {@link SpiderIqClient} wraps it with the rate
 * limit feedback, metrics and the meaning of each status code. A plain {@link Response}, so that every status, even an
 * undocumented one, reaches the wrapper as a value instead of an exception.
 */
@RegisterRestClient(configKey = "spideriq")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
interface SpiderIqApi {

    @GET
    @Path("/jobs/{jobId}/results")
    Uni<Response> results(@PathParam("jobId") UUID jobId,
            @HeaderParam("Authorization") String authorization);

    /** The latest status changes of the account's jobs, most recent first when sorted by {@code updated_at}. */
    @GET
    @Path("/jobs/list")
    Uni<Response> list(@QueryParam("page") int page, @QueryParam("page_size") int pageSize,
            @QueryParam("sort_by") String sortBy, @QueryParam("sort_order") String sortOrder,
            @HeaderParam("Authorization") String authorization);

    /** The account's event stream; the API takes the token in the query here (never log this call's URL). */
    @GET
    @Path("/events/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    Multi<SseEvent<String>> events(@QueryParam("token") String token);
}
