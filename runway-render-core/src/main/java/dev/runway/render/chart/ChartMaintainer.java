package dev.runway.render.chart;

import dev.runway.render.template.GoStruct;
import dev.runway.render.yaml.GoJson;

/**
 * One {@code maintainers} entry of Chart.yaml, as Helm's {@code chart.Maintainer}: templates read {@code .Name},
 * {@code .Email} and {@code .URL}.
 */
public record ChartMaintainer(String name, String email, String url) implements GoStruct, GoJson.JsonMarshaler {
    public ChartMaintainer {
        name = name == null ? "" : name;
        email = email == null ? "" : email;
        url = url == null ? "" : url;
    }

    ChartMaintainer sanitized() {
        return new ChartMaintainer(
                ChartMetadata.sanitize(name), ChartMetadata.sanitize(email), ChartMetadata.sanitize(url));
    }

    @Override
    public String goTypeName() {
        return "*chart.Maintainer";
    }

    @Override
    public String goString() {
        return "&{" + name + " " + email + " " + url + "}";
    }

    @Override
    public boolean hasField(String field) {
        return field.equals("Name") || field.equals("Email") || field.equals("URL");
    }

    @Override
    public Object field(String field) {
        return switch (field) {
            case "Name" -> name;
            case "Email" -> email;
            default -> url;
        };
    }

    /** json tags {@code name,omitempty}, {@code email,omitempty}, {@code url,omitempty}. */
    @Override
    public Object toJsonValue() {
        GoJson.StructObject json = new GoJson.StructObject();
        json.fieldOmitEmpty("name", name);
        json.fieldOmitEmpty("email", email);
        json.fieldOmitEmpty("url", url);
        return json;
    }
}
