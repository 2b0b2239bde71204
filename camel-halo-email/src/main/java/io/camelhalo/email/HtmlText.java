package io.camelhalo.email;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** An HTML email body as readable text: paragraphs and line breaks kept, markup, scripts and styles gone. */
final class HtmlText {

    private static final String BREAK = "\u0001";

    private HtmlText() {
    }

    static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head").remove();
        doc.select("br").after(BREAK);
        doc.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote").before(BREAK).after(BREAK);
        String text = doc.body() == null ? "" : doc.body().wholeText();
        return text.replaceAll("[ \\t\\x0B\\f\\r\\n]+", " ").replace(BREAK + " ", BREAK).replace(" " + BREAK, BREAK)
                .replaceAll(BREAK + "{3,}", BREAK + BREAK).replace(BREAK, "\n").replace('\u00a0', ' ').trim();
    }
}
