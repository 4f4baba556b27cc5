import Foundation

enum Config {
    static let apiBaseURL = URL(string: "https://api.crm.io")!
    static let passwordPlaceholder = "Enter password"
    static let sentryDSN = "https://7d1a2b3c4d5e6f708192a3b4c5d6e7f8@o987654.ingest.sentry.io/1234567"
    static let revenueCatApiKey = "appl_dGYTcvAFLnkMCbVdxLkcLGcU1fS"
    static let tokenKeychainKey = "io.crm.token"
}
