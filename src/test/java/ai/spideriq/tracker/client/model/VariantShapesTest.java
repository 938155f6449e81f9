package ai.spideriq.tracker.client.model;

import static ai.spideriq.tracker.client.model.Fixtures.MAPPER;
import static ai.spideriq.tracker.client.model.Fixtures.rewritten;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Test;

import java.util.List;

class VariantShapesTest {

    @Test
    void writesStringPhoneBackAsString() throws Exception {
        Phone phone = MAPPER.readValue("\"+1-555-123-4567\"", Phone.class);

        assertThat(phone.isStructured()).isFalse();
        assertThat(phone.raw()).isEqualTo("+1-555-123-4567");
        assertThat(phone.e164()).isNull();
        assertThat(phone.extras()).isEmpty();
        assertThat(MAPPER.writeValueAsString(phone)).isEqualTo("\"+1-555-123-4567\"");
        assertThat(Phone.of("+1-555-123-4567")).isEqualTo(phone);
    }

    @Test
    void writesObjectPhoneBackAsTheSameObject() throws Exception {
        String json = "{\"raw\":\"+1 555\",\"e164\":\"+1555\",\"national\":null,\"country\":\"US\"}";
        Phone phone = MAPPER.readValue(json, Phone.class);

        assertThat(phone.national()).isNull();
        assertThat(rewritten(phone)).isEqualTo(MAPPER.readTree(json));
    }

    @Test
    void rejectsPhoneThatIsNeitherStringNorObject() {
        assertThatThrownBy(() -> MAPPER.readValue("42", Phone.class))
                .isInstanceOf(ValueInstantiationException.class);
    }

    @Test
    void writesPainPointListBackAsList() throws Exception {
        PainPoints painPoints = MAPPER.readValue("[\"slow support\",\"high churn\"]", PainPoints.class);

        assertThat(painPoints.isList()).isTrue();
        assertThat(painPoints.items()).containsExactly("slow support", "high churn");
        assertThat(painPoints.extras()).isEmpty();
        assertThat(MAPPER.writeValueAsString(painPoints)).isEqualTo("[\"slow support\",\"high churn\"]");
        assertThat(PainPoints.of(List.of("slow support", "high churn"))).isEqualTo(painPoints);
    }

    @Test
    void writesPainPointObjectBackAsTheSameObject() throws Exception {
        String json = "{\"summary\":\"s\",\"items\":[\"a\",{\"text\":\"b\"}],\"confidence\":0.7}";
        PainPoints painPoints = MAPPER.readValue(json, PainPoints.class);

        assertThat(painPoints.items()).containsExactly("a", "{\"text\":\"b\"}");
        assertThat(rewritten(painPoints)).isEqualTo(MAPPER.readTree(json));
    }

    @Test
    void readsPainPointObjectWithoutItemsAsNoItems() throws Exception {
        assertThat(MAPPER.readValue("{\"summary\":\"s\"}", PainPoints.class).items()).isEmpty();
    }

    @Test
    void keepsUnknownNullValuedPropertiesAsJsonNull() throws Exception {
        Coordinates coordinates = MAPPER.readValue("{\"latitude\":1.5,\"longitude\":2.5,\"altitude\":null}",
                Coordinates.class);

        assertThat(coordinates.extras()).containsOnlyKeys("altitude");
        assertThat(coordinates.extras().get("altitude").isNull()).isTrue();
        assertThat(rewritten(coordinates).has("altitude")).isTrue();
    }

    @Test
    void keepsWireFieldNamedExtras() throws Exception {
        String json = "{\"latitude\":1.5,\"longitude\":2.5,\"extras\":{\"q\":1}}";
        Coordinates coordinates = MAPPER.readValue(json, Coordinates.class);

        assertThat(coordinates.extras()).containsOnlyKeys("extras");
        assertThat(rewritten(coordinates)).isEqualTo(MAPPER.readTree(json));
    }

    @Test
    void doesNotWriteTheExtrasMapAsAProperty() {
        JsonNode written = rewritten(new Coordinates(1.0, 2.0, null));

        assertThat(written.size()).isEqualTo(2);
        assertThat(written.has("extras")).isFalse();
    }

    @Test
    void exposesExtrasAsUnmodifiableMap() throws Exception {
        Coordinates coordinates = MAPPER.readValue("{\"x\":1}", Coordinates.class);

        assertThatThrownBy(() -> coordinates.extras().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
