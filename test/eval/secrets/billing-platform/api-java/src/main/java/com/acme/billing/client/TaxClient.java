package com.acme.billing.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Base64;

public class TaxClient {
    private static final URI BASE = URI.create("https://api.taxjar.com/v2/");
    private final String apiToken = System.getenv("TAXJAR_API_TOKEN");
    private final HttpClient http = HttpClient.newHttpClient();
    private static final String GOOGLE_MAPS_KEY = "AIzaJHituc0BVpo-95RcW-HIebaiosPC9WU-AkI";

    HttpRequest.Builder request(String path) {
        String credentials = Base64.getEncoder().encodeToString(("api:" + apiToken).getBytes());
        return HttpRequest.newBuilder(BASE.resolve(path)).header("Authorization", "Basic " + credentials);
    }
}
