package io.camelhalo.examples.onboarding;

/**
 * One customer to onboard: a client, its site and its first user, from line {@code line} of the CSV.
 */
public record CustomerRow(int line, String clientName, String website, String siteName, String userName,
                          String userEmail) {
}
