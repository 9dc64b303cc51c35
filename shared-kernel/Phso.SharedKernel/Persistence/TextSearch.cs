using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Phso.SharedKernel.Persistence;

/// <summary>
/// "Contains, ignoring case" for search boxes: the one text comparison whose SQL differs by engine. SQLite's LIKE
/// ignores case (for ASCII letters); PostgreSQL's LIKE does not, so there it is ILIKE. Everything else provider-specific
/// gets an interface like this one, with a test on both engines (docs/adr/0010-generated-migrations-and-postgresql.md).
/// </summary>
public interface ITextSearch
{
    /// <summary>The rows where any of <paramref name="fields"/> contains <paramref name="text"/> (trimmed; %, _ and \
    /// match themselves).</summary>
    IQueryable<T> WhereAnyContains<T>(IQueryable<T> source, string text, params Expression<Func<T, string?>>[] fields);
}

internal sealed class TextSearch(DatabaseProvider provider) : ITextSearch
{
    private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo ILike = typeof(NpgsqlDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    public IQueryable<T> WhereAnyContains<T>(IQueryable<T> source, string text, params Expression<Func<T, string?>>[] fields)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Length == 0)
        {
            throw new ArgumentException("Name at least one field to search.", nameof(fields));
        }

        // A captured value, so the pattern is sent as a parameter, never written into the SQL.
        var pattern = new Pattern("%" + (text ?? "").Trim()
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%");
        var patternValue = Expression.Property(Expression.Constant(pattern), nameof(Pattern.Value));
        var method = provider == DatabaseProvider.PostgreSql ? ILike : Like;
        var row = Expression.Parameter(typeof(T), "row");
        var matches = fields
            .Select(field => (Expression)Expression.Call(method, Expression.Constant(EF.Functions), new ReplaceParameter(field.Parameters[0], row).Visit(field.Body)!, patternValue, Expression.Constant("\\")))
            .Aggregate(Expression.OrElse);
        return source.Where(Expression.Lambda<Func<T, bool>>(matches, row));
    }

    private sealed record Pattern(string Value);

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
