package sdlab.chapters.cache.layers;

import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import sdlab.sim.KeyChooser;
import sdlab.sim.OperationGenerator;

/**
 * What each user of chapter 20 opens, view after view: the home page, the artwork of a few titles
 * it shows, then one title's manifest and its first video segments. Titles are picked by Zipfian
 * popularity, so that many users watch the same few titles.
 *
 * <p>Each user draws from a stream of its own, seeded from the run's seed and its position, so
 * that a user opens the same URLs in the same order in every variant, whatever the latencies. The
 * operation's key is the URL and its name the kind of resource. One generator serves one run.
 */
final class ViewingSessions implements OperationGenerator {
    /** A user's plan: the URLs still to open in the current view. */
    private final ArrayDeque<String>[] planned;

    private final SplittableRandom[] streams;
    private final KeyChooser titles;
    private final int artworkPerHome;
    private final int segmentsPerView;

    /**
     * @param users how many users (processes)
     * @param titles how titles are picked
     * @param artworkPerHome how many titles' artwork a home page shows
     * @param segmentsPerView how many segments of a title a user watches
     * @param seed the run's seed
     */
    @SuppressWarnings("unchecked")
    ViewingSessions(int users, KeyChooser titles, int artworkPerHome, int segmentsPerView, long seed) {
        this.planned = new ArrayDeque[users];
        this.streams = new SplittableRandom[users];
        SplittableRandom root = new SplittableRandom(seed);
        for (int user = 0; user < users; user++) {
            planned[user] = new ArrayDeque<>();
            streams[user] = root.split();
        }
        this.titles = titles;
        this.artworkPerHome = artworkPerHome;
        this.segmentsPerView = segmentsPerView;
    }

    /** Requests in one view: the home page, its artwork, a manifest and the segments. */
    int requestsPerView() {
        return 2 + artworkPerHome + segmentsPerView;
    }

    @Override
    public Operation next(int process, RandomGenerator processRandom) {
        if (planned[process].isEmpty()) {
            planView(planned[process], streams[process]);
        }
        String url = planned[process].pollFirst();
        return new Operation(Resource.kind(Resource.of(url)), url, null);
    }

    private void planView(ArrayDeque<String> plan, SplittableRandom stream) {
        plan.add(new Resource.Home().url());
        for (int i = 0; i < artworkPerHome; i++) {
            plan.add(new Resource.Artwork(titles.nextIndex(stream)).url());
        }
        int title = titles.nextIndex(stream);
        plan.add(new Resource.Manifest(title).url());
        for (int segment = 0; segment < segmentsPerView; segment++) {
            plan.add(new Resource.Segment(title, segment).url());
        }
    }
}
