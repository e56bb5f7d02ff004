package org.capacitytracker.host;

import java.util.Arrays;
import java.util.List;

/** {@code java -jar capacity-host.jar --plugin <jar> ...}: runs the host until Ctrl-C. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("import")) {
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            if (rest.contains("--help") || rest.contains("-h")) {
                System.out.print(ImportCommand.USAGE);
                return;
            }
            try {
                ImportCommand.run(rest).forEach(System.out::println);
            } catch (IllegalArgumentException | java.io.IOException e) {
                System.err.println("capacity-host import: " + e.getMessage());
                System.err.print(ImportCommand.USAGE);
                System.exit(2);
            }
            return;
        }
        if (args.length > 0 && args[0].equals("generate")) {
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            if (rest.contains("--help") || rest.contains("-h")) {
                System.out.print(org.capacitytracker.host.scale.GenerateCommand.USAGE);
                return;
            }
            try {
                org.capacitytracker.host.scale.GenerateCommand.run(rest).forEach(System.out::println);
            } catch (IllegalArgumentException e) {
                System.err.println("capacity-host generate: " + e.getMessage());
                System.err.print(org.capacitytracker.host.scale.GenerateCommand.USAGE);
                System.exit(2);
            } catch (IllegalStateException | java.io.IOException e) {
                System.err.println("capacity-host generate: " + e.getMessage());
                System.exit(1);
            }
            return;
        }
        HostOptions options;
        try {
            options = HostOptions.parse(Arrays.asList(args));
        } catch (HostOptions.HelpRequested help) {
            System.out.print(HostOptions.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("capacity-host: " + e.getMessage());
            System.err.print(HostOptions.USAGE);
            System.exit(2);
            return;
        }
        CapacityHost host;
        try {
            host = CapacityHost.start(options);
        } catch (Exception e) {
            System.err.println("capacity-host: could not start: " + e.getMessage());
            if (System.getenv("CAPACITY_HOST_DEBUG") != null) {
                e.printStackTrace();
            }
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Capacity Tracker host...");
            host.close();
            System.out.println("Capacity Tracker host stopped; data kept in " + host.dataLocation());
        }, "capacity-host-shutdown"));
        for (String line : host.summary()) {
            System.out.println(line);
        }
        System.out.println("  Stop with Ctrl-C.");
        host.join();
    }
}
