/**
 * Text helpers shared by messages of several features: {@link dev.runway.render.text.ClosestName} picks the "did you
 * mean" name for an unknown key, the same way for a values schema and for a Kubernetes manifest.
 */
package dev.runway.render.text;
