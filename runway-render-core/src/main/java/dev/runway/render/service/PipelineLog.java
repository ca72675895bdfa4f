package dev.runway.render.service;

import java.util.function.Consumer;

/** Where the pipeline's lines for the build log go, by level: the build tool's logger. */
public record PipelineLog(Consumer<String> info, Consumer<String> warn, Consumer<String> error) {}
