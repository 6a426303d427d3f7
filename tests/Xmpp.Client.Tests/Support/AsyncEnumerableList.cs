#if !NET10_0_OR_GREATER
namespace Xmpp.Client.Tests;

/// <summary><c>ToListAsync</c> for .NET 8, where the base library has no LINQ over async sequences (.NET 10 has).</summary>
internal static class AsyncEnumerableList
{
    public static async ValueTask<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source, CancellationToken cancellationToken = default)
    {
        var list = new List<T>();
        await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }
}
#endif
