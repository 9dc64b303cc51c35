using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Phso.SharedKernel.Web;

/// <summary>
/// Choices arrive as the names the service uses, and only as those: one defined name (any case), or for a [Flags] enum
/// several names separated by commas. A number, an unknown name, or "England,Wales" for an enum that is not flags is
/// refused, where .NET's own parsing would turn them into a value nobody chose (9999, or Wales).
/// </summary>
public static class StrictEnums
{
    private static readonly ConcurrentDictionary<Type, bool> IsFlags = new();

    public static bool TryParse(Type enumType, string? text, out object? value)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        value = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
        {
            return false;
        }

        var flags = IsFlags.GetOrAdd(enumType, t => t.IsDefined(typeof(FlagsAttribute), false));
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > 1 && !flags)
        {
            return false;
        }

        ulong combined = 0;
        foreach (var part in parts)
        {
            var name = Enum.GetNames(enumType).FirstOrDefault(n => string.Equals(n, part, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                return false;
            }

            combined |= Convert.ToUInt64(Enum.Parse(enumType, name), System.Globalization.CultureInfo.InvariantCulture);
        }

        value = Enum.ToObject(enumType, combined);
        return true;
    }

    /// <summary>The names a caller may send, for messages.</summary>
    public static string Names(Type enumType) => string.Join(", ", Enum.GetNames(enumType).Select(n => $"\"{n}\""));
}

/// <summary>JSON enums as names (see <see cref="StrictEnums"/>); written as their names too.</summary>
public sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert?.IsEnum == true;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Strict<>).MakeGenericType(typeToConvert))!;

    private sealed class Strict<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && StrictEnums.TryParse(typeof(T), reader.GetString(), out var value))
            {
                return (T)value!;
            }

            throw new JsonException($"Send one of {StrictEnums.Names(typeof(T))}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value.ToString());
        }
    }
}

/// <summary>Form fields bound to an enum take its names only (see <see cref="StrictEnums"/>); anything else is a
/// model error on the field, "Select one of the options".</summary>
public sealed class StrictEnumModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType.IsEnum ? new Binder(context.Metadata.UnderlyingOrModelType) : null;
    }

    private sealed class Binder(Type enumType) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            ArgumentNullException.ThrowIfNull(bindingContext);
            var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (result == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }

            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
            var text = result.FirstValue;
            if (string.IsNullOrEmpty(text))
            {
                // An empty choice is no choice: the validators say what to choose.
                return Task.CompletedTask;
            }

            if (StrictEnums.TryParse(enumType, text, out var value))
            {
                bindingContext.Result = ModelBindingResult.Success(value);
            }
            else
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "Select one of the options");
            }

            return Task.CompletedTask;
        }
    }
}
