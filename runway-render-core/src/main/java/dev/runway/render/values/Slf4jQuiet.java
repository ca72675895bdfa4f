package dev.runway.render.values;

import java.util.ServiceLoader;
import org.slf4j.LoggerFactory;

/**
 * Keeps SLF4J from printing {@code SLF4J(W): No SLF4J providers were found} (three lines on stderr) into a service's
 * test run or a command-line tool. networknt's schema validator logs through SLF4J; a program without an SLF4J provider
 * gets that notice at the validator's first use, about a library's internals it cannot act on. When, and only when,
 * SLF4J will find no provider (the same lookup SLF4J makes, with SLF4J's own class loader) and nobody chose a level,
 * this sets SLF4J's own reporting ({@value #VERBOSITY}) to errors before the validator is first used. A program with
 * a provider (logback, Maven's own) is left alone, and so is one with an SLF4J 1.7 binding, whose warnings matter, and
 * one whose SLF4J is 1.7 (Maven 3.9 gives plugins its own SLF4J 1.7, which has no provider interface).
 */
final class Slf4jQuiet {

    static final String VERBOSITY = "slf4j.internal.verbosity";

    private Slf4jQuiet() {}

    static void beforeFirstUse() {
        if (System.getProperty(VERBOSITY) != null) {
            return;
        }
        ClassLoader slf4j = LoggerFactory.class.getClassLoader(); // a class literal: SLF4J is not initialised here
        Class<?> providerInterface;
        try {
            providerInterface = Class.forName("org.slf4j.spi.SLF4JServiceProvider", false, slf4j);
        } catch (ClassNotFoundException e) {
            return; // SLF4J 1.7: no provider lookup to quiet
        }
        boolean provider =
                ServiceLoader.load(providerInterface, slf4j).stream().findAny().isPresent();
        boolean legacyBinding = slf4j != null && slf4j.getResource("org/slf4j/impl/StaticLoggerBinder.class") != null;
        if (!provider && !legacyBinding) {
            System.setProperty(VERBOSITY, "ERROR");
        }
    }
}
