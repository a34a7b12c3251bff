import SchakelApp

try await SchakelMain.run()
