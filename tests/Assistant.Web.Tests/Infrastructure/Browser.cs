namespace Assistant.Web.Tests.Infrastructure;

/// <summary>Debian's Chromium (no Playwright browser download), with the flags that keep it off the closed network.</summary>
public static class Browser
{
    public const string Chromium = "/usr/bin/chromium";

    public static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException("Chromium not found at /usr/bin/chromium: run scripts/ensure-browser.sh (apt-get install chromium fonts-wqy-microhei)");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = Args });
    }

    /// <summary>A phone: 390×844 CSS pixels, touch, Chinese locale.</summary>
    public static BrowserNewContextOptions Phone(string baseUrl, int width = 390, int height = 844) => new()
    {
        BaseURL = baseUrl,
        ViewportSize = new ViewportSize { Width = width, Height = height },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
        Locale = "zh-CN",
        ServiceWorkers = ServiceWorkerPolicy.Allow,
    };
}
