package io.camelhalo.component.halo.http;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.camelhalo.component.halo.HaloApiException;
import io.camelhalo.component.halo.HaloProtocolException;
import io.camelhalo.component.halo.api.HaloJson;

/**
 * Turns Halo's replies into values or into {@link HaloApiException}: the one place that decides what a reply means.
 */
public final class HaloReplies {

    private static final int QUOTED_BODY = 200;

    private HaloReplies() {
    }

    /** Throws unless the reply is 2xx. */
    public static void requireSuccess(HaloResponse response, String method, String target) throws HaloApiException {
        if (!response.isSuccess()) {
            String body = response.bodyAsString();
            throw HaloApiException.of(response.status(), method, target, body, HaloErrorMessages.extract(body),
                    advice(response.status(), method, target, body), false);
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
            throw new HaloProtocolException(response.status(), method, target, body,
                    "The reply is not valid JSON (" + e.getOriginalMessage() + "); it starts: " + start, e);
        } catch (IOException e) {
            throw new HaloProtocolException(response.status(), method, target, null,
                    "The reply could not be read: " + e.getMessage(), e);
        }
    }

    private static String advice(int status, String method, String target, String body) {
        switch (status) {
            case 401:
                return "The access token was refused even after renewal: check the application's scope";
            case 403:
                return "The token lacks a scope or the application's agent lacks a permission for this call: "
                       + "it needs scope " + HaloScopes.likelyScope(method, target)
                       + " (or all), and the agent needs access to this area in Halo";
            case 429:
                return "Halo's rate limit was reached";
            default:
                return HaloErrorMessages.isHtml(body) ? "Halo answered an HTML error page" : null;
        }
    }
}
