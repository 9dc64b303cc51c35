namespace Phso.Modules.Training.Domain;

/// <summary>
/// An image's bytes, kept once by their SHA-256 however many versions and courses use it. Versions never change, so an
/// image is never replaced or removed while a version might show it; its address never changes either, so browsers may
/// keep it.
/// </summary>
public sealed class StoredImage
{
    private StoredImage()
    {
    }

    public string Sha256 { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public DateTimeOffset StoredAt { get; private set; }

    public static StoredImage Create(string sha256, string contentType, byte[] content, DateTimeOffset at) =>
        new() { Sha256 = sha256, ContentType = contentType, Content = content, StoredAt = at };
}
