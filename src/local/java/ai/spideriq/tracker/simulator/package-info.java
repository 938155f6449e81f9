/**
 * A simulator of the SpiderIQ job API ({@code /api/v1/jobs/{id}/status}, {@code /results}, {@code DELETE},
 * {@code /api/v1/jobs/list}) and its Server-Sent Events stream ({@code /api/v1/events/stream}: {@code connected},
 * {@code heartbeat}, the job events), for integration tests, the local run and the benchmark. Both can be switched at
 * run time into the ways the real ones fail ({@link ai.spideriq.tracker.simulator.EventStreamMode},
 * {@link ai.spideriq.tracker.simulator.JobListMode}), so clients are tested against the API's behaviour rather than
 * against what their authors expected of it.
 *
 * <p>
 * {@link ai.spideriq.tracker.simulator.SpiderIqSimulator} is the plain-Java core: give it
 * {@link ai.spideriq.tracker.simulator.SimulatorSettings}, a clock ({@link ai.spideriq.tracker.simulator.VirtualClock}
 * for simulated time) and a seeded {@link java.util.random.RandomGenerator}. In Quarkus it is produced from
 * {@link ai.spideriq.tracker.simulator.SimulatorConfig} by {@link ai.spideriq.tracker.simulator.SimulatorProducer};
 * its HTTP routes ({@link ai.spideriq.tracker.simulator.SimulatorRoutes}) are mounted on the main router only when
 * {@code simulator.enabled=true}; {@link ai.spideriq.tracker.simulator.SimulatorMain} serves it as a process of its own.
 * Local-run code (source set {@code src/local}): never in the tracker's production artifact.
 */
package ai.spideriq.tracker.simulator;
