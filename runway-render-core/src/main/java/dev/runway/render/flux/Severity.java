package dev.runway.render.flux;

/** How bad a finding is: ERROR fails a verify, WARNING is shown, INFO explains. */
public enum Severity {
    ERROR,
    WARNING,
    INFO
}
