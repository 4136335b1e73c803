package dev.tollgate.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Svg;

/**
 * A figure's series as a small line, drawn on the server as inline SVG: no chart library, nothing
 * in the frontend bundle. The markup is made of numbers and fixed names only, never of text a user
 * wrote, so nothing can be injected through it; the line takes the text colour of its place, which
 * keeps it readable in both colour schemes.
 */
final class Sparkline extends Svg {

    static final int WIDTH = 120;
    static final int HEIGHT = 32;
    /** Room for the stroke at the top and bottom, so that the extremes are not cut in half. */
    private static final double PAD = 2;

    Sparkline(List<double[]> series, String description) {
        addClassName("sparkline");
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", description);
        setSvg(markup(series));
    }

    static String markup(List<double[]> series) {
        String path = path(series);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" width=\"" + WIDTH
                + "\" height=\"" + HEIGHT + "\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">"
                + (path.isEmpty() ? ""
                        : "<path d=\"" + path + "\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\""
                                + " stroke-linejoin=\"round\" stroke-linecap=\"round\" vector-effect=\"non-scaling-stroke\"/>")
                + "</svg>";
    }

    /**
     * The SVG path of {@code [epochMs, value]} pairs: time across the width, the lowest value at the
     * bottom and the highest at the top. A bucket without a figure (NaN) breaks the line rather
     * than bridging the gap; a single figure, or a flat series, is a level line across the middle.
     * Empty when there is nothing to draw.
     */
    static String path(List<double[]> series) {
        if (series == null) {
            return "";
        }
        List<double[]> points = series.stream()
                .filter(point -> point != null && point.length >= 2 && Double.isFinite(point[0])).toList();
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        int drawn = 0;
        for (double[] point : points) {
            if (Double.isFinite(point[1])) {
                minX = Math.min(minX, point[0]);
                maxX = Math.max(maxX, point[0]);
                minY = Math.min(minY, point[1]);
                maxY = Math.max(maxY, point[1]);
                drawn++;
            }
        }
        if (drawn == 0) {
            return "";
        }
        if (drawn == 1) {
            return "M0 " + coordinate(HEIGHT / 2.0) + "L" + WIDTH + " " + coordinate(HEIGHT / 2.0);
        }
        StringBuilder path = new StringBuilder();
        int run = 0;
        for (double[] point : points) {
            if (!Double.isFinite(point[1])) {
                endRun(path, run);
                run = 0;
                continue;
            }
            double x = maxX == minX ? 0 : (point[0] - minX) / (maxX - minX) * WIDTH;
            double y = maxY == minY ? HEIGHT / 2.0
                    : PAD + (maxY - point[1]) / (maxY - minY) * (HEIGHT - 2 * PAD);
            path.append(run == 0 ? "M" : "L").append(coordinate(x)).append(' ').append(coordinate(y));
            run++;
        }
        endRun(path, run);
        return path.toString();
    }

    /** A figure alone between gaps would draw nothing: a zero-length stroke with round caps is a dot. */
    private static void endRun(StringBuilder path, int run) {
        if (run == 1) {
            path.append("h0");
        }
    }

    private static String coordinate(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        // "12.50" and "12.00" say no more than "12.5" and "12": a series of 2,000 buckets stays small.
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
