package sdlab.traffic.httpcache;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The key of one stored response: the primary key (method and target, RFC 9111 section 2) and
 * the secondary key, the values that the request which fetched it sent for each field its
 * {@code Vary} names (section 4.1). A later request is served from it only if it sends the same
 * values; a field absent from both requests matches, absent from one does not.
 *
 * @param primary method and target
 * @param fieldNames the varied fields, lower case
 * @param fieldValues their normalised values in the original request, null where it had none
 */
record VariantKey(String primary, List<String> fieldNames, List<String> fieldValues) {
    VariantKey {
        fieldNames = List.copyOf(fieldNames);
        fieldValues = Collections.unmodifiableList(new ArrayList<>(fieldValues));
    }

    static String primaryOf(Request request) {
        return request.method() + " " + request.target();
    }

    /** The key for storing the response to {@code request} that varies on {@code fieldNames}. */
    static VariantKey of(Request request, List<String> fieldNames) {
        List<String> values = new ArrayList<>(fieldNames.size());
        for (String name : fieldNames) {
            values.add(normalised(request.field(name)));
        }
        return new VariantKey(primaryOf(request), fieldNames, values);
    }

    /** Whether {@code request} sends the values that selected the response stored under this key. */
    boolean selectedBy(Request request) {
        for (int i = 0; i < fieldNames.size(); i++) {
            if (!Objects.equals(fieldValues.get(i), normalised(request.field(fieldNames.get(i))))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Section 4.1 lets a cache normalise values in ways that keep their meaning; this one drops
     * whitespace around the list commas and at the ends, and matches everything else exactly.
     */
    static String normalised(String value) {
        if (value == null) {
            return null;
        }
        String[] members = value.split(",", -1);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < members.length; i++) {
            joined.append(i == 0 ? "" : ",").append(members[i].strip());
        }
        return joined.toString();
    }
}
