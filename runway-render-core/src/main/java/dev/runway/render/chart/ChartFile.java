package dev.runway.render.chart;

/** One file of a chart: its path relative to the chart root ('/'-separated) and its bytes. */
public record ChartFile(String name, byte[] data) {
    public String text() {
        return dev.runway.render.gofmt.GoBytes.string(data);
    }
}
