public enum FSQ { public static let version = "0.1.0" }
