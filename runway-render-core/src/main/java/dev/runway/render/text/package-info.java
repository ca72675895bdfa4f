/**
 * Text helpers shared by messages of several features: {@link dev.runway.render.text.ClosestName} picks the "did you
 * mean" name for an unknown key, the same way for a values schema and for a Kubernetes manifest;
 * {@link dev.runway.render.text.TextPositions} turns offsets into lines and columns, for template parse errors,
 * YAML trees and Flux findings.
 */
package dev.runway.render.text;
