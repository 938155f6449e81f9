package ai.spideriq.tracker.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;

/** The published JSON Schemas (src/main/resources/schemas), loaded as a consumer would: by $id, offline. */
final class ContractSchemas {

    /** The $id base of the schema files, which ship in the jar under /schemas. */
    static final String ID_BASE = "https://spideriq.ai/schemas/tracker/";
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
    // Every $ref resolves from the classpath (the meta-schemas are bundled with the validator); the network is refused.
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(ID_BASE, "classpath:schemas/"))
                    .schemaLoaders(loaders -> loaders.add(
                            new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:")))));
    // Formats (uuid, date-time) are only annotations in 2020-12 unless asserted; the contract means them.
    private static final SchemaValidatorsConfig ASSERT_FORMATS = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private ContractSchemas() {
    }

    /** What is wrong with {@code value} according to the schema file; empty when it conforms. */
    static Set<ValidationMessage> errors(String schemaFile, JsonNode value) {
        return FACTORY.getSchema(SchemaLocation.of(ID_BASE + schemaFile), ASSERT_FORMATS).validate(value);
    }

    /** Asserts the schema rejects {@code value}, and for a reason naming {@code field}. */
    static void assertRejected(String schemaFile, JsonNode value, String field) {
        assertThat(errors(schemaFile, value)).as(schemaFile + " rejects a bad " + field)
                .anySatisfy(error -> assertThat(error.getMessage()).contains(field));
    }

    /** What makes {@code schema} not a valid draft 2020-12 schema; empty when it is one. */
    static Set<ValidationMessage> metaSchemaErrors(JsonNode schema) {
        return FACTORY.getSchema(SchemaLocation.of(META_SCHEMA)).validate(schema);
    }

    /** A schema file as JSON. */
    static JsonNode schema(String file) {
        try (InputStream in = ContractSchemas.class.getResourceAsStream("/schemas/" + file)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
