package ai.spideriq.tracker.testing;

import java.util.List;
import java.util.Random;

/**
 * Real-looking markdown of a crawled site, as a spiderSite compendium is: headings, paragraphs, lists, links, tables,
 * contact lines and numbers drawn from a seeded random source, so that it compresses like text, not like a repeated
 * string.
 */
public final class MarkdownCompendium {

    private static final List<String> WORDS = List.of(("the of and to in a is that for it as with was on be by at this "
            + "are from or have an they which one you were her all she there would their we him been has when who "
            + "will more no if out so said what up its about into than them can only other new some could time these "
            + "two may then do first any my now such like our over man me even most made after also did many before "
            + "must through back years where much your way well down should because each just those people how too "
            + "customer support platform solution enterprise cloud integration analytics pricing team service "
            + "automation workflow dashboard security compliance onboarding partner revenue growth marketing sales "
            + "engineering product roadmap release feature api webhook latency availability region europe america "
            + "asia startup founder investor series funding hiring careers office remote hybrid benefits culture "
            + "mission vision values sustainability carbon energy logistics shipping retail healthcare finance "
            + "insurance education manufacturing hospitality restaurant menu booking reservation delivery order "
            + "invoice subscription trial demo contact address phone email newsletter blog article case study "
            + "whitepaper webinar conference event award recognition testimonial review rating quality reliable fast "
            + "secure scalable flexible modern intuitive powerful simple affordable premium global local trusted")
            .split(" "));
    private static final List<String> CITIES = List.of("San Francisco", "Berlin", "London", "Austin", "Toronto",
            "Lisbon", "Singapore", "Sydney", "Paris", "Madrid", "Warsaw", "Tokyo", "Dublin", "Amsterdam");

    private MarkdownCompendium() {
    }

    /** About {@code bytes} bytes (ASCII) of markdown. */
    public static String of(int bytes, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(bytes + 1024);
        int page = 0;
        while (out.length() < bytes) {
            page++;
            out.append("\n\n# ").append(sentence(random, 3 + random.nextInt(5))).append(" (page ").append(page)
                    .append(")\n\nSource: https://").append(word(random)).append('-').append(word(random))
                    .append(".example.com/").append(word(random)).append('/').append(random.nextInt(100000))
                    .append("\n\n");
            for (int section = 0; section < 2 + random.nextInt(4) && out.length() < bytes; section++) {
                out.append("## ").append(sentence(random, 2 + random.nextInt(4))).append("\n\n");
                for (int p = 0; p < 1 + random.nextInt(4); p++) {
                    for (int s = 0; s < 2 + random.nextInt(6); s++) {
                        out.append(capitalized(sentence(random, 6 + random.nextInt(18)))).append(". ");
                    }
                    out.append("\n\n");
                }
                switch (random.nextInt(4)) {
                    case 0 -> {
                        for (int i = 0; i < 2 + random.nextInt(6); i++) {
                            out.append("- **").append(word(random)).append("**: ")
                                    .append(sentence(random, 4 + random.nextInt(10))).append('\n');
                        }
                    }
                    case 1 -> {
                        out.append("| plan | price | seats | region |\n| --- | --- | --- | --- |\n");
                        for (int i = 0; i < 2 + random.nextInt(5); i++) {
                            out.append("| ").append(word(random)).append(" | $").append(random.nextInt(5000))
                                    .append('.').append(random.nextInt(100)).append(" | ")
                                    .append(random.nextInt(1000)).append(" | ")
                                    .append(CITIES.get(random.nextInt(CITIES.size()))).append(" |\n");
                        }
                    }
                    case 2 -> out.append("Contact: ").append(word(random)).append('.').append(word(random))
                            .append('@').append(word(random)).append(".com, +1-").append(100 + random.nextInt(900))
                            .append('-').append(1000 + random.nextInt(9000)).append(", ")
                            .append(random.nextInt(9999)).append(' ').append(capitalized(word(random)))
                            .append(" St, ").append(CITIES.get(random.nextInt(CITIES.size()))).append('\n');
                    default -> out.append("[").append(sentence(random, 3)).append("](https://www.")
                            .append(word(random)).append(".com/").append(Long.toHexString(random.nextLong()))
                            .append(")\n");
                }
                out.append('\n');
            }
        }
        return out.substring(0, bytes);
    }

    private static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                s.append(random.nextInt(12) == 0 ? ", " : " ");
            }
            s.append(random.nextInt(25) == 0 ? String.valueOf(random.nextInt(2030)) : word(random));
        }
        return s.toString();
    }

    private static String word(Random random) {
        return WORDS.get(random.nextInt(WORDS.size()));
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
