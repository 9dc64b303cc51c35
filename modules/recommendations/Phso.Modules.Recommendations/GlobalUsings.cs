global using Microsoft.AspNetCore.Http;
global using Phso.SharedKernel.Web.TagHelpers;
global using Phso.SharedKernel.Validation;
