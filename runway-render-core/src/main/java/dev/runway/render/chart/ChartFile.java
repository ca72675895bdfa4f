package dev.runway.render.chart;

import java.util.Arrays;

/** One file of a chart: its path relative to the chart root ('/'-separated) and its bytes. */
// The bytes stay an array (charts are read once, never copied); equals, hashCode and toString below look at them.
@SuppressWarnings("ArrayRecordComponent")
public record ChartFile(String name, byte[] data) {
    public String text() {
        return dev.runway.render.gofmt.GoBytes.string(data);
    }

    // A record compares arrays by reference; two files are equal when their paths and bytes are.
    @Override
    public boolean equals(Object o) {
        return o instanceof ChartFile other && name.equals(other.name) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ChartFile[name=" + name + ", " + data.length + " bytes]";
    }
}
