package acme;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;

public class Health {
    public static void start() throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("HEALTH_PORT", "8558"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.start();
    }
}
