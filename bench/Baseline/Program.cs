// A bare ASP.NET Core app: the slim builder and one endpoint answering a small HTML page, about the size of the
// service's home page head. What the service's pages cost is read against what this costs on the same machine.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

const string Page = """
    <!DOCTYPE html>
    <html lang="en"><head><meta charset="utf-8"><title>Baseline</title></head>
    <body><main><h1>Baseline</h1><p>The least a page can cost here.</p></main></body></html>
    """;

app.MapGet("/", () => Results.Content(Page, "text/html; charset=utf-8"));
await app.RunAsync();
