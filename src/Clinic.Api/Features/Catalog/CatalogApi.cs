using Clinic.Api.Data;
using Clinic.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Catalog;

public static class CatalogApi
{
    public static RouteGroupBuilder MapCatalogApi(this RouteGroupBuilder group)
    {
        group.MapGet("/branches/", GetBranches).WithName("GetBranches").WithTags("Catalog");
        group.MapGet("/services/", GetServices).WithName("GetServices").WithTags("Catalog").ProducesErrors(400);
        group.MapGet("/doctors/", GetDoctors).WithName("GetDoctors").WithTags("Catalog").ProducesErrors(400);
        return group;
    }

    /// <summary>List the clinic's branches</summary>
    /// <remarks>The bot's first booking step: every active branch with its address, phone and time zone, in id order.</remarks>
    public static async Task<Ok<List<BranchDto>>> GetBranches(ClinicDbContext db, ClinicApiOptions options, CancellationToken cancellationToken)
    {
        var branches = await db.Branches.AsNoTracking()
            .Where(b => b.OrganizationId == options.DefaultOrganizationId && b.IsActive)
            .OrderBy(b => b.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(branches.Select(b => b.AsDto()).ToList());
    }

    /// <summary>List the services a patient can book</summary>
    /// <remarks>
    /// The bot's service step: active services with their price in tiyn and duration; with <c>branch_id</c>, only those
    /// some active doctor of that branch provides.
    /// </remarks>
    /// <response code="404"><c>not_found</c>: no such active branch.</response>
    public static async Task<Results<Ok<List<ServiceDto>>, NotFound<ApiError>>> GetServices(
        [FromQuery(Name = "branch_id")] long? branchId, ClinicDbContext db, ClinicApiOptions options, CancellationToken cancellationToken)
    {
        var organizationId = options.DefaultOrganizationId;
        var services = db.Services.AsNoTracking().Where(s => s.OrganizationId == organizationId && s.IsActive);
        if (branchId is { } id)
        {
            if (!await BranchExists(db, organizationId, id, cancellationToken))
                return Errors.NotFound("No such branch.");
            services = services.Where(s => db.DoctorServices.Any(ds => ds.ServiceId == s.Id &&
                db.DoctorBranches.Any(db2 => db2.DoctorId == ds.DoctorId && db2.BranchId == id) &&
                db.Doctors.Any(d => d.Id == ds.DoctorId && d.IsActive)));
        }
        var list = await services.OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(s => s.AsDto()).ToList());
    }

    /// <summary>List the doctors a patient can book</summary>
    /// <remarks>
    /// The bot's doctor step: active doctors with their specialty, optionally only those working at <c>branch_id</c> and
    /// providing <c>service_id</c>.
    /// </remarks>
    /// <response code="404"><c>not_found</c>: no such active branch or service.</response>
    public static async Task<Results<Ok<List<DoctorDto>>, NotFound<ApiError>>> GetDoctors(
        [FromQuery(Name = "branch_id")] long? branchId, [FromQuery(Name = "service_id")] long? serviceId,
        ClinicDbContext db, ClinicApiOptions options, CancellationToken cancellationToken)
    {
        var organizationId = options.DefaultOrganizationId;
        if (branchId is { } b && !await BranchExists(db, organizationId, b, cancellationToken))
            return Errors.NotFound("No such branch.");
        if (serviceId is { } s && !await db.Services.AnyAsync(x => x.Id == s && x.OrganizationId == organizationId && x.IsActive, cancellationToken))
            return Errors.NotFound("No such service.");

        var doctors = db.Doctors.AsNoTracking().Include(d => d.Branches).Include(d => d.Services)
            .Where(d => d.OrganizationId == organizationId && d.IsActive);
        if (branchId is { } branch)
            doctors = doctors.Where(d => d.Branches.Any(x => x.BranchId == branch));
        if (serviceId is { } service)
            doctors = doctors.Where(d => d.Services.Any(x => x.ServiceId == service));
        var list = await doctors.OrderBy(d => d.Id).AsSplitQuery().ToListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(d => d.AsDto()).ToList());
    }

    private static Task<bool> BranchExists(ClinicDbContext db, long organizationId, long id, CancellationToken cancellationToken) =>
        db.Branches.AnyAsync(x => x.Id == id && x.OrganizationId == organizationId && x.IsActive, cancellationToken);
}
