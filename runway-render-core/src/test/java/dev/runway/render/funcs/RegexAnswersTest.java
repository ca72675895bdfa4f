package dev.runway.render.funcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import dev.runway.render.template.TemplateFunctionException;
import org.junit.jupiter.api.Test;

/** regexMatch's recent answers ({@link RegexFunctions.PatternCache#find}) never change an answer. */
class RegexAnswersTest {

    @Test
    void rememberedAnswersAgreeWithTheMatcherForManyTextsAndTwoExpressions() throws TemplateFunctionException {
        RegexFunctions.PatternCache cache = new RegexFunctions.PatternCache();
        String label = "^[a-z]([-a-z0-9]*[a-z0-9])?$";
        String digits = "[0-9]{3}";
        // Far more texts than slots, asked in three passes: answers are replaced, found again and collide.
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < 500; i++) {
                String text = (i % 3 == 0 ? "Svc-" : "svc-") + i + (i % 7 == 0 ? "-" : "");
                for (String expr : new String[] {label, digits}) {
                    Pattern p = cache.compile(expr, true);
                    boolean expected = p.matcher(text).find();
                    assertEquals(expected, cache.find(p, expr, text), expr + " on " + text);
                    assertEquals(expected, cache.find(p, expr, text), expr + " on " + text + ", remembered");
                }
            }
        }
    }

    @Test
    void longTextsAreMatchedEveryTime() throws TemplateFunctionException {
        RegexFunctions.PatternCache cache = new RegexFunctions.PatternCache();
        String expr = "^a+$";
        Pattern p = cache.compile(expr, true);
        String longText = "a".repeat(300);
        assertTrue(cache.find(p, expr, longText));
        assertFalse(cache.find(p, expr, longText + "b"));
    }
}
