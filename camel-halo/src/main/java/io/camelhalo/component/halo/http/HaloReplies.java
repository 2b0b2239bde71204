package io.camelhalo.component.halo.http;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelhalo.component.halo.api.HaloJson;
import io.camelhalo.component.halo.error.HaloApiException;
import io.camelhalo.component.halo.error.HaloAuthenticationException;
import io.camelhalo.component.halo.error.HaloNotFoundException;
import io.camelhalo.component.halo.error.HaloRateLimitException;
import io.camelhalo.component.halo.error.HaloValidationException;

/**
 * The one place that decides what a reply from Halo means: a value, or the {@link HaloApiException} (subclass) for
 * its status.
 */
public final class HaloReplies {

    private static final int QUOTED_BODY = 200;

    private HaloReplies() {
    }

    /**
     * The exception for a reply status that is not 2xx.
     *
     * @param advice       what to do about it, appended to the message; may be null for the default advice
     * @param tokenRequest whether the request was the token request
     */
    public static HaloApiException failure(HaloResponse response, String method, String target, String advice,
                                           boolean tokenRequest) {
        int status = response.status();
        String body = response.bodyAsString();
        String message = HaloErrorMessages.extract(body);
        Map<String, List<String>> headers = response.headerMap();
        String why = advice != null ? advice : HaloErrorMessages.isHtml(body) ? "Halo answered an HTML error page" : null;
        if (status == 401 || status == 403) {
            return new HaloAuthenticationException(status, method, target, headers, body, message, why, tokenRequest);
        } else if (status == 404) {
            return new HaloNotFoundException(status, method, target, headers, body, message, why);
        } else if (status == 400 || status == 409 || status == 422) {
            return new HaloValidationException(status, method, target, headers, body, message, why);
        } else if (status == 429) {
            return new HaloRateLimitException(status, method, target, headers, body, why);
        }
        return new HaloApiException(status, method, target, headers, body, message, why, tokenRequest, null);
    }

    /**
     * Throws unless the reply is 2xx.
     *
     * @param scope the OAuth scope the call needs, named when Halo answers 403
     */
    public static void requireSuccess(HaloResponse response, String method, String target, String scope)
            throws HaloApiException {
        if (!response.isSuccess()) {
            throw failure(response, method, target, advice(response.status(), scope), false);
        }
    }

    /** The reply's JSON as maps and lists, or {@code null} when the reply is empty. */
    public static Object json(HaloResponse response, String method, String target) throws HaloApiException {
        if (response.isEmpty()) {
            return null;
        }
        try {
            return HaloJson.parse(response.body());
        } catch (JsonProcessingException e) {
            String body = response.bodyAsString();
            String start = body.length() <= QUOTED_BODY ? body : body.substring(0, QUOTED_BODY) + "...";
            throw HaloApiException.unusableReply(method, target,
                    "the reply is not valid JSON (" + e.getOriginalMessage() + "); it starts: " + start, body, e);
        } catch (IOException e) {
            throw HaloApiException.unusableReply(method, target, "the reply could not be read: " + e.getMessage(), null,
                    e);
        }
    }

    private static String advice(int status, String scope) {
        return switch (status) {
            case 401 -> "The access token was refused even after renewal: check the application's scope";
            case 403 -> "The token lacks a scope or the application's agent lacks a permission for this call: it needs "
                        + "scope " + scope + " (or all), and the agent needs access to this area in Halo";
            case 429 -> "Halo's rate limit was reached";
            default -> null;
        };
    }
}
