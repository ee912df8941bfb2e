// MARK: - How many findings `check` prints

/// A release that does not tie anywhere must not bury the terminal: text and Markdown show
/// the first `printed` findings, then one "… N more" line and the usual summary. JSON and CSV
/// are for programs and list every finding.
public enum FindingLimit {
  public static let printed = 1_000
}
