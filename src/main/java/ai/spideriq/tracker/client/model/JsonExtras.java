package ai.spideriq.tracker.client.model;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the record component that collects unknown JSON properties and writes them back at the same level.
 *
 * <p>The explicit, never-on-the-wire name matters: without it Jackson derives the property name {@code extras}
 * from the record component, and a wire field literally called {@code extras} would be swallowed and lost.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@JacksonAnnotationsInside
@JsonAnySetter
@JsonAnyGetter
@JsonProperty(JsonExtras.INTERNAL_NAME)
public @interface JsonExtras {

    /** Property name Jackson uses internally for the extras map; no real payload carries it. */
    String INTERNAL_NAME = "\u0000extras";
}
