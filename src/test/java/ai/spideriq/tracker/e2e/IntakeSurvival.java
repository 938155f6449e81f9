package ai.spideriq.tracker.e2e;

import static io.restassured.RestAssured.given;

import java.util.Arrays;

import org.apache.kafka.clients.producer.ProducerRecord;

/** What the intake-survival tests share: raw records around a bad one, and the check a user makes afterwards. */
final class IntakeSurvival {

    private IntakeSurvival() {
    }

    static ProducerRecord<String, byte[]> job(String topic, String jobId) {
        return new ProducerRecord<>(topic, 0, jobId, ("{\"job_id\":\"" + jobId + "\"}").getBytes());
    }

    /** A value of exactly {@code bytes} bytes starting with {@code tag}, without key or headers (every byte counts). */
    static ProducerRecord<String, byte[]> filler(String topic, String tag, int bytes) {
        byte[] value = new byte[bytes];
        Arrays.fill(value, (byte) 'x');
        System.arraycopy(tag.getBytes(), 0, value, 0, tag.length());
        return new ProducerRecord<>(topic, 0, null, value);
    }

    static void assertReady() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }
}
