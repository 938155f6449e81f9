package ai.spideriq.tracker.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.local.LocalRunConfig;
import ai.spideriq.tracker.simulator.SimulatorConfig;

/** Every configuration key is in the tables of docs/configuration.md with its environment variable, and no other. */
class ConfigurationDocumentedTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\| `([A-Z0-9_]+)` \\|", Pattern.MULTILINE);

    @Test
    void theConfigurationDocListsEveryConfigurationKeyWithItsEnvironmentVariable() throws IOException {
        Map<String, String> documented = new TreeMap<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("docs", "configuration.md")));
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }
        List<String> keys = new ArrayList<>(List.of("kafka.bootstrap.servers"));
        collect(TrackerConfig.class, "spideriq", keys);
        collect(LocalRunConfig.class, "spideriq.local", keys);
        collect(SimulatorConfig.class, "simulator", keys);

        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        documented.forEach((key, env) -> assertThat(env).as(key)
                .isEqualTo(key.toUpperCase().replace('.', '_').replace('-', '_')));
    }

    /** Walks a {@code @ConfigMapping} interface the way SmallRye names its keys: kebab-case, groups nested. */
    private static void collect(Class<?> mapping, String prefix, List<String> keys) {
        for (Method method : mapping.getDeclaredMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.isDefault() || method.isSynthetic()) {
                continue;
            }
            String key = prefix + "." + method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getName().startsWith("ai.spideriq.")) {
                collect(type, key, keys);
            } else {
                keys.add(key);
            }
        }
    }
}
